/**
 * The applicant's application to a batch: the 我要报名 wizard as a draft, the submit that counts the first choice and
 * freezes the profile, 取消报名, and the status timeline. Other modules read applications through
 * {@link cn.medrecruit.application.Applications}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package cn.medrecruit.application;
