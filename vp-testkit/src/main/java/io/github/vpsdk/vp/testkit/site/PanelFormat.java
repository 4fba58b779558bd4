package io.github.vpsdk.vp.testkit.site;

/** How a simulated panel writes its events in DC-09. */
public enum PanelFormat {
  /** {@code SIA-DCS}: SIA DC-03 data, such as {@code #1234|Nri1/BA003}. */
  SIA_DCS,
  /** {@code ADM-CID}: Contact ID data, such as {@code #1234|1130 01 003}. */
  ADM_CID
}
