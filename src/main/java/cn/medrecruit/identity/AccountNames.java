package cn.medrecruit.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Login names of accounts, for other modules' pages that show who administers what, and whether a name is free. */
@Component
@Transactional(readOnly = true)
public class AccountNames {

	private final JdbcClient jdbc;
	private final Accounts accounts;

	AccountNames(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	public Map<AccountId, String> loginNamesOf(Collection<AccountId> ids) {
		Map<AccountId, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT id, login_name FROM account WHERE id IN (:ids)")
			.param("ids", ids.stream().map(AccountId::value).toList())
			.query((rs, n) -> names.put(new AccountId(rs.getLong("id")), rs.getString("login_name")))
			.list();
		return names;
	}

	public boolean isTaken(String loginName) {
		return accounts.existsByLoginName(loginName);
	}
}
