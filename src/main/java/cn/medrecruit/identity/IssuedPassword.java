package cn.medrecruit.identity;

/** A random one-time password, shown once to the administrator who issued it; it must be changed at first login. */
public record IssuedPassword(AccountId account, String loginName, String oneTimePassword) {
}
