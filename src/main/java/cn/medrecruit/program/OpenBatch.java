package cn.medrecruit.program;

/** A batch whose registration window is open now. */
public record OpenBatch(BatchId id, Program program, int year, String name, Window registration) {
}
