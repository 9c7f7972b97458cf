package dev.gpucc.server;

/** What a server is assembled from: executors and evidence providers, chosen by {@link ComponentFactory}. */
public record ServerComponents(ExecutorSelector executors, EvidenceCollector evidence) {}
