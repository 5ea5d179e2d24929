package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Call Center definition file shipped for Salesforce ({@code /app/salesforce/callcenter.xml}) holds what
 * Salesforce's import requires (Open CTI Developer Guide, "Required Call Center Elements and Attributes") and what
 * the softphone page reads from it.
 */
class CallCenterDefinitionTest {

  private static Map<String, Element> items() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document xml;
    try (InputStream in = CallCenterDefinitionTest.class.getClassLoader()
        .getResourceAsStream("switchboard/app/salesforce/callcenter.xml")) {
      assertThat(in).as("the definition file is in the jar").isNotNull();
      xml = factory.newDocumentBuilder().parse(in);
    }
    assertThat(xml.getDocumentElement().getTagName()).isEqualTo("callCenter");
    Map<String, Element> items = new LinkedHashMap<>();
    NodeList sections = xml.getElementsByTagName("section");
    for (int s = 0; s < sections.getLength(); s++) {
      Element section = (Element) sections.item(s);
      NodeList inside = section.getElementsByTagName("item");
      for (int i = 0; i < inside.getLength(); i++) {
        Element item = (Element) inside.item(i);
        items.put(section.getAttribute("name") + "/" + item.getAttribute("name"), item);
      }
    }
    return items;
  }

  @Test
  void the_general_section_holds_every_required_item_for_an_open_cti_softphone_in_lightning() throws Exception {
    Map<String, Element> items = items();

    Element internal = items.get("reqGeneralInfo/reqInternalName");
    assertThat(internal.getTextContent()).matches("[A-Za-z][A-Za-z0-9]{0,39}");
    assertThat(internal.getAttribute("sortOrder")).isEqualTo("0");
    assertThat(items.get("reqGeneralInfo/reqDisplayName").getAttribute("sortOrder")).isEqualTo("1");
    assertThat(items.get("reqGeneralInfo/reqDisplayName").getTextContent()).isNotBlank();
    assertThat(items.get("reqGeneralInfo/reqAdapterUrl").getTextContent())
        .as("Lightning needs an https adapter URL; ours is the softphone page").startsWith("https://")
        .endsWith("/app/salesforce/");
    assertThat(items.get("reqGeneralInfo/reqUseApi").getTextContent()).isEqualTo("true");
    assertThat(items.get("reqGeneralInfo/reqSoftphoneHeight").getTextContent()).matches("[1-9][0-9]*");
    assertThat(items.get("reqGeneralInfo/reqSoftphoneWidth").getTextContent()).matches("[1-9][0-9]*");
    assertThat(items.get("reqGeneralInfo/reqSalesforceCompatibilityMode").getTextContent()).isEqualTo("Lightning");
    assertThat(items).containsKeys("reqDialingOptions/reqOutsidePrefix", "reqDialingOptions/reqLongDistPrefix",
        "reqDialingOptions/reqInternationalPrefix");
  }

  @Test
  void the_default_country_code_the_page_reads_for_click_to_dial_is_a_calling_code_without_its_plus()
      throws Exception {
    assertThat(items().get("switchboard/defaultCountryCode").getTextContent()).matches("[1-9][0-9]{0,2}");
  }
}
