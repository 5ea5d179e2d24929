package io.switchboard.server.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Dotted key paths ({@code pbx[0].host}) from Jackson's reference chain. */
final class KeyPaths {

  private KeyPaths() {}

  static String of(List<JsonMappingException.Reference> path) {
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (key.length() > 0) {
          key.append('.');
        }
        key.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        key.append('[').append(ref.getIndex()).append(']');
      }
    }
    return key.toString();
  }

  static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
