"""Language components that rule files call by name: sentences, durations, parties,
negation and the purposes of termination rights. Each is small, pure and tested alone."""
