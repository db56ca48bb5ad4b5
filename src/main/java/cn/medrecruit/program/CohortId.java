package cn.medrecruit.program;

public record CohortId(long value) {
}
