package cn.medrecruit.organization;

public enum RegionLevel {
	PROVINCE, CITY, COUNTY
}
