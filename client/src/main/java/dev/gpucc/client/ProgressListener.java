package dev.gpucc.client;

/** Receives a job's progress as the server streams it. */
@FunctionalInterface
public interface ProgressListener {
  void onProgress(String phase, double fraction, String message);

  ProgressListener NONE = (p, f, m) -> {};
}
