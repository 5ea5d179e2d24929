package io.switchboard.server.config;

import java.util.regex.Pattern;

/** Hides credentials inside values that are otherwise fine to show, such as JDBC URLs. */
public final class Masking {

  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd)=[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?&]*:)[^@/]*@");

  private Masking() {}

  /** {@code jdbc:mariadb://u:secret@db/sb?password=x} becomes {@code jdbc:mariadb://u:****@db/sb?password=****}. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String masked = USER_INFO.matcher(url).replaceAll("$1****@");
    return PASSWORD_PARAM.matcher(masked).replaceAll("$1=****");
  }
}
