package io.switchboard.server.persistence;

import java.util.regex.Pattern;

/** Keeps database passwords out of messages and logs. */
final class Secrets {

  static final String MASK = "****";

  /** {@code password=...} / {@code pwd=...} URL parameters, up to the next separator. */
  private static final Pattern PASSWORD_PARAM =
      Pattern.compile("(?i)((?:password|pwd)=)[^&;,)]*");

  /** {@code //user:secret@host} user info. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?&]*:)[^@/]*@");

  private Secrets() {
  }

  /** The URL with any password it carries replaced by {@value #MASK}. */
  static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1" + MASK);
    return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }

  /** {@value #MASK} when a password is set, {@code <none>} otherwise. */
  static String maskPassword(String password) {
    return password == null || password.isEmpty() ? "<none>" : MASK;
  }

  /** {@code text} with every occurrence of {@code password} replaced, for driver messages. */
  static String scrub(String text, String password) {
    if (text == null || password == null || password.isEmpty()) {
      return text;
    }
    return text.replace(password, MASK);
  }
}
