package cn.medrecruit.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An account row. Changes after creation go through targeted updates in {@link Accounts}. */
@Table("account")
class Account {

	@Id
	Long id;
	@Version
	Integer version;
	String loginName;
	AccountKind kind;
	String realName;
	IdDocumentType idType;
	String idNumberEnc;
	String idNumberHash;
	String idNumberMasked;
	String phoneEnc;
	String phoneHash;
	String phoneMasked;
	String post;
	String department;
	Long institutionId;
	String institutionPath;
	String passwordHash;
	Instant passwordChangedAt;
	boolean mustChangePassword;
	boolean profileRequired;
	boolean enabled;
	int failedAttempts;
	Instant lockedUntil;
	Instant lastLoginAt;
	Instant createdAt;
	@MappedCollection(idColumn = "account")
	Set<AccountRole> roles = new HashSet<>();

	Set<Role> roleSet() {
		return roles.stream().map(AccountRole::role).collect(Collectors.toSet());
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	record AccountRole(Role role) {
	}
}
