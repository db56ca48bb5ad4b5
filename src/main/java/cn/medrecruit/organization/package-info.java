/**
 * Regions, institutions (health commissions, training bases, employer units, exam bodies), the unit dictionary and
 * the data scope of staff accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organization")
package cn.medrecruit.organization;
