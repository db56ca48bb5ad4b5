/**
 * Shared kernel: time, personal-data protection and masking, the demo switch, and web plumbing that every module uses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package cn.medrecruit.shared;
