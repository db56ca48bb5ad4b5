package cn.medrecruit.identity;

public record AccountId(long value) {
}
