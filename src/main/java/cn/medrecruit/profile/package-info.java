/**
 * The applicant's profile: basic, contact, education, work and practice sections and the evidence documents, reused by
 * every application; its completeness per program; frozen while an application is under review.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applicant profile")
package cn.medrecruit.profile;
