package dev.gpucc.server;

import java.util.List;

/**
 * What a server is assembled from: executors and evidence providers, chosen by
 * {@link ComponentFactory}, with notes on how they were chosen (printed at start-up).
 */
public record ServerComponents(ExecutorSelector executors, EvidenceCollector evidence, List<String> notes) {
  public ServerComponents {
    notes = List.copyOf(notes);
  }
}
