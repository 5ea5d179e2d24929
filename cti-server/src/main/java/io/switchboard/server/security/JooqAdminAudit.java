package io.switchboard.server.security;

import static io.switchboard.server.persistence.jooq.Tables.ADMIN_AUDIT;

import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** {@code admin_audit} in MariaDB: written in batches by {@link AuditWriter}, read newest first. */
public final class JooqAdminAudit {

  private final Database database;

  public JooqAdminAudit(Database database) {
    this.database = database;
  }

  /** Blocking: inserts {@code batch} in one statement. */
  static void insert(DSLContext dsl, List<AuditEntry> batch) {
    var insert = dsl.insertInto(ADMIN_AUDIT, ADMIN_AUDIT.AT, ADMIN_AUDIT.ACTOR, ADMIN_AUDIT.ROLE, ADMIN_AUDIT.METHOD,
        ADMIN_AUDIT.PATH, ADMIN_AUDIT.TARGET_ID, ADMIN_AUDIT.STATUS, ADMIN_AUDIT.DETAIL);
    for (AuditEntry e : batch) {
      insert = insert.values(e.at(), e.actor(), e.role(), e.method(), cut(e.path(), 512), cut(e.targetId(), 128),
          e.status(), e.detail());
    }
    insert.execute();
  }

  /** Entries by {@code actor} (any when empty) at or after {@code since}, newest first, at most {@code limit}. */
  public Future<List<AuditEntry>> find(Optional<String> actor, Optional<Instant> since, int limit) {
    return database.query(dsl -> {
      List<Condition> where = new ArrayList<>();
      actor.ifPresent(a -> where.add(ADMIN_AUDIT.ACTOR.eq(a)));
      since.ifPresent(s -> where.add(ADMIN_AUDIT.AT.ge(s)));
      return dsl.selectFrom(ADMIN_AUDIT).where(DSL.and(where)).orderBy(ADMIN_AUDIT.AT.desc(), ADMIN_AUDIT.ID.desc())
          .limit(limit).fetch(r -> new AuditEntry(r.getAt(), r.getActor(), r.getRole(), r.getMethod(), r.getPath(),
              r.getTargetId(), r.getStatus(), r.getDetail()));
    });
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
