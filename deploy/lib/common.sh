#!/usr/bin/env bash
# Shared helpers for the gpucc deploy scripts. Sourced, never executed.
# Kept tiny on purpose: every script must stay readable on its own.

# Prints a message to stderr prefixed with the script name.
gpucc_log() {
  printf '%s: %s\n' "${GPUCC_SCRIPT_NAME:-gpucc}" "$*" >&2
}

# Prints an error and exits with the given code (default 1).
gpucc_die() {
  local code=1
  if [[ $# -gt 1 && $1 =~ ^[0-9]+$ ]]; then
    code=$1
    shift
  fi
  gpucc_log "error: $*"
  exit "$code"
}

# Quotes a command so that it can be pasted into a shell, one word per argument.
# Plain words stay bare; others get single quotes (the same output on every bash version,
# which printf %q does not promise).
gpucc_quote_cmd() {
  local out="" word
  for word in "$@"; do
    if [[ $word =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      out+="${out:+ }$word"
    else
      out+="${out:+ }'${word//\'/\'\\\'\'}'"
    fi
  done
  printf '%s\n' "$out"
}

# True when $1 is a full PCI address (domain:bus:device.function), e.g. 0000:41:00.0.
gpucc_is_bdf() {
  [[ $1 =~ ^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-1][0-9a-fA-F]\.[0-7]$ ]]
}
