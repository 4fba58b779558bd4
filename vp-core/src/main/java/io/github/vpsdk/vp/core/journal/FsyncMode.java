package io.github.vpsdk.vp.core.journal;

/** When the journal forces written bytes to the storage device. */
public enum FsyncMode {
  /**
   * An append completes only after its bytes were forced to the device ({@code
   * FileChannel.force}); concurrent appends share one force (group commit). The default.
   */
  DURABLE,
  /**
   * Appends complete once written to the operating system; nothing is forced. A crash of the
   * machine (not only of the JVM) can lose acknowledged entries. For tests and benchmarks only.
   */
  NONE
}
