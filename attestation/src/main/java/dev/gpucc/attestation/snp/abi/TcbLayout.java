package dev.gpucc.attestation.snp.abi;

/**
 * Byte layout of the 8-byte TCB_VERSION (evidence-formats §1.6): Milan and Genoa put the SNP SPL
 * at byte 6; Turin adds an FMC SPL at byte 0 and packs BL/TEE/SNP into bytes 1..3.
 */
public enum TcbLayout {
  MILAN_GENOA,
  TURIN
}
