package io.switchboard.server.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.impl.AbstractConverter;

/**
 * Reads and writes the schema's {@code DATETIME} columns, which all hold UTC, as {@link Instant}.
 * The generated jOOQ classes use it for every timestamp column.
 */
public final class UtcInstantConverter extends AbstractConverter<LocalDateTime, Instant> {

  private static final long serialVersionUID = 1L;

  /** Used by the generated table classes. */
  public UtcInstantConverter() {
    super(LocalDateTime.class, Instant.class);
  }

  @Override
  public Instant from(LocalDateTime databaseObject) {
    return databaseObject == null ? null : databaseObject.toInstant(ZoneOffset.UTC);
  }

  @Override
  public LocalDateTime to(Instant userObject) {
    return userObject == null ? null : LocalDateTime.ofInstant(userObject, ZoneOffset.UTC);
  }
}
