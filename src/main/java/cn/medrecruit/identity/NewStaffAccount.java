package cn.medrecruit.identity;

import java.util.Set;

public record NewStaffAccount(String loginName, String displayName, long institutionId, Set<Role> roles) {
}
