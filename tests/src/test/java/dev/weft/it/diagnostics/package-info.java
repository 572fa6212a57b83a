/**
 * Integration tests of weft's diagnostics on woven code: the blocking-call watchdog and the
 * Flight Recorder events. The watchdog works on real time by design, so its tests block the
 * loop thread for several times the threshold and assert only what load cannot change (that a
 * long block is reported once, that short steps and watched-off loops are not).
 */
package dev.weft.it.diagnostics;
