package dev.gpucc.server;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live sessions by id, bounded in number; expired sessions are dropped (their keys with them) and
 * jobs in them are refused, so clients re-attest.
 */
final class SessionStore {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int maxSessions;

  SessionStore(Clock clock, int maxSessions) {
    this.clock = clock;
    this.maxSessions = maxSessions;
  }

  void add(Session s) throws RequestException {
    purgeExpired();
    if (sessions.size() >= maxSessions) {
      throw new RequestException(io.grpc.Status.Code.RESOURCE_EXHAUSTED,
          "the server holds its maximum of " + maxSessions + " sessions; retry later or use PER_JOB mode");
    }
    sessions.put(s.id(), s);
  }

  /** The live session, or a FAILED_PRECONDITION telling the client to re-attest. */
  Session require(String id) throws RequestException {
    if (id.isEmpty()) {
      throw new RequestException(io.grpc.Status.Code.FAILED_PRECONDITION, "SESSION mode needs the session_id from Attest");
    }
    Optional<Session> s = Optional.ofNullable(sessions.get(id));
    if (s.isEmpty() || !clock.instant().isBefore(s.get().expiresAt())) {
      sessions.remove(id);
      throw new RequestException(io.grpc.Status.Code.FAILED_PRECONDITION,
          "session " + id + " is unknown or expired; attest again (Attest with mode SESSION)");
    }
    return s.get();
  }

  private void purgeExpired() {
    sessions.values().removeIf(s -> !clock.instant().isBefore(s.expiresAt()));
  }
}
