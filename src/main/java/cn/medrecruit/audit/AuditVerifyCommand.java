package cn.medrecruit.audit;

import java.io.PrintStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain from the command line and exits: started with
 * {@code --medrecruit.audit.verify-and-exit=true}, it seals what is pending, verifies, prints the result and ends the
 * process with {@value #INTACT} when the chain is intact and {@value #BROKEN} when it is not. It runs before any other
 * start-up work.
 */
@Component
@ConditionalOnBooleanProperty("medrecruit.audit.verify-and-exit")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerifyCommand implements ApplicationRunner {

	static final int INTACT = 0;
	static final int BROKEN = 3;

	private final AuditVerification verification;
	private final ApplicationContext context;

	AuditVerifyCommand(AuditVerification verification, ApplicationContext context) {
		this.verification = verification;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code = report(verification.sealAndVerify(), System.out);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Prints the result; returns the exit code. */
	static int report(AuditVerification.Result result, PrintStream out) {
		if (result.intact()) {
			out.println("AUDIT CHAIN INTACT: " + result.checked() + " entries checked");
			return INTACT;
		}
		out.println("AUDIT CHAIN BROKEN: " + result.checked() + " entries checked, " + result.problems().size()
				+ " problem(s)");
		for (AuditVerification.Problem problem : result.problems()) {
			out.println("  seq=" + problem.seq() + " entry=" + problem.entryId() + " kind=" + problem.kind());
		}
		return BROKEN;
	}
}
