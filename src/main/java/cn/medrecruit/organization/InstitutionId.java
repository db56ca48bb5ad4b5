package cn.medrecruit.organization;

public record InstitutionId(long value) {
}
