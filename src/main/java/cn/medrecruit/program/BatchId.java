package cn.medrecruit.program;

public record BatchId(long value) {
}
