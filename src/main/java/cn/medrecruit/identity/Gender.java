package cn.medrecruit.identity;

public enum Gender {
    MALE,
    FEMALE
}
