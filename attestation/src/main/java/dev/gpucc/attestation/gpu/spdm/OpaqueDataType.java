package dev.gpucc.attestation.gpu.spdm;

/**
 * NVIDIA opaque-data TLV types (evidence-formats §4.4; numbers identical in nvtrust
 * {@code OPAQUE_DATA_TYPES} and trustee {@code OpaqueDataType}).
 */
public final class OpaqueDataType {
  public static final int CERT_ISSUER_NAME = 1;
  public static final int CERT_AUTHORITY_KEY_IDENTIFIER = 2;
  public static final int DRIVER_VERSION = 3;
  public static final int GPU_INFO = 4;
  public static final int SKU = 5;
  public static final int VBIOS_VERSION = 6;
  public static final int MANUFACTURER_ID = 7;
  public static final int TAMPER_DETECTION = 8;
  public static final int SMC = 9;
  public static final int VPR = 10;
  public static final int NVDEC0_STATUS = 11;
  public static final int MSRSCNT = 12;
  public static final int CPRINFO = 13;
  public static final int BOARD_ID = 14;
  public static final int CHIP_SKU = 15;
  public static final int CHIP_SKU_MOD = 16;
  public static final int PROJECT = 17;
  public static final int PROJECT_SKU = 18;
  public static final int PROJECT_SKU_MOD = 19;
  public static final int FWID = 20;
  public static final int PROTECTED_PCIE_STATUS = 21;
  public static final int SWITCH_PDI = 22;
  public static final int FLOORSWEPT_PORTS = 23;
  public static final int POSITION_ID = 24;
  public static final int LOCK_SWITCH_STATUS = 25;
  public static final int GPU_LINK_CONN = 32;
  public static final int SYS_ENABLE_STATUS = 33;
  public static final int OPAQUE_DATA_VERSION = 34;
  public static final int CHIP_INFO = 35;
  public static final int FEATURE_FLAG = 36;
  public static final int INVALID = 255;

  /** NVDEC0_STATUS value meaning the NVDEC0 engine is disabled (nvtrust). */
  public static final int NVDEC0_DISABLED = 0x55;
  /** NVDEC0_STATUS value meaning enabled. */
  public static final int NVDEC0_ENABLED = 0xAA;

  private OpaqueDataType() {}

  /** The name used in claims and messages; "TYPE_n" for types not listed above. */
  public static String name(int type) {
    switch (type) {
      case CERT_ISSUER_NAME: return "CERT_ISSUER_NAME";
      case CERT_AUTHORITY_KEY_IDENTIFIER: return "CERT_AUTHORITY_KEY_IDENTIFIER";
      case DRIVER_VERSION: return "DRIVER_VERSION";
      case GPU_INFO: return "GPU_INFO";
      case SKU: return "SKU";
      case VBIOS_VERSION: return "VBIOS_VERSION";
      case MANUFACTURER_ID: return "MANUFACTURER_ID";
      case TAMPER_DETECTION: return "TAMPER_DETECTION";
      case SMC: return "SMC";
      case VPR: return "VPR";
      case NVDEC0_STATUS: return "NVDEC0_STATUS";
      case MSRSCNT: return "MSRSCNT";
      case CPRINFO: return "CPRINFO";
      case BOARD_ID: return "BOARD_ID";
      case CHIP_SKU: return "CHIP_SKU";
      case CHIP_SKU_MOD: return "CHIP_SKU_MOD";
      case PROJECT: return "PROJECT";
      case PROJECT_SKU: return "PROJECT_SKU";
      case PROJECT_SKU_MOD: return "PROJECT_SKU_MOD";
      case FWID: return "FWID";
      case PROTECTED_PCIE_STATUS: return "PROTECTED_PCIE_STATUS";
      case SWITCH_PDI: return "SWITCH_PDI";
      case FLOORSWEPT_PORTS: return "FLOORSWEPT_PORTS";
      case POSITION_ID: return "POSITION_ID";
      case LOCK_SWITCH_STATUS: return "LOCK_SWITCH_STATUS";
      case GPU_LINK_CONN: return "GPU_LINK_CONN";
      case SYS_ENABLE_STATUS: return "SYS_ENABLE_STATUS";
      case OPAQUE_DATA_VERSION: return "OPAQUE_DATA_VERSION";
      case CHIP_INFO: return "CHIP_INFO";
      case FEATURE_FLAG: return "FEATURE_FLAG";
      case INVALID: return "INVALID";
      default: return "TYPE_" + type;
    }
  }
}
