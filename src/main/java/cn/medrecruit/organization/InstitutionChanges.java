package cn.medrecruit.organization;

public record InstitutionChanges(String name, BaseCategory baseCategory, String contactName, String contactPhone) {
}
