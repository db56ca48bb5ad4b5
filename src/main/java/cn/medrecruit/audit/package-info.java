/**
 * Append-only audit log with a hash chain. Modules publish {@link cn.medrecruit.audit.AuditEvent}s; this module
 * writes, seals, verifies and searches them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.medrecruit.audit;
