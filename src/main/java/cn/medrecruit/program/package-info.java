/**
 * Programs, their specialty catalogues, cohorts and batches with windows, person types and review chains. Other
 * modules read a batch through {@link cn.medrecruit.program.Batches}; only the province configures them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs and batches")
package cn.medrecruit.program;
