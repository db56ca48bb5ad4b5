/**
 * Accounts: applicant self-registration, staff accounts, login with captcha and lockout, passwords, SMS codes, roles
 * and the permission matrix.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package cn.medrecruit.identity;
