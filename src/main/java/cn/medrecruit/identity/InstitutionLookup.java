package cn.medrecruit.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What identity needs to know about institutions, provided by the organization module: staff accounts belong to
 * one institution and see its subtree.
 */
public interface InstitutionLookup {

	Optional<InstitutionRef> find(long institutionId);

	Map<Long, String> namesOf(Collection<Long> institutionIds);

	/**
	 * The institutions whose path starts with {@code scopePath} (the subtree it selects, its own institution
	 * included), ordered by path then name, for choosing one in a form.
	 */
	List<InstitutionRef> inScope(String scopePath);

	/**
	 * @param scopePath the institution's path of ancestor ids ({@code /1/5/23/}); its subtree is every path with
	 * this prefix
	 */
	record InstitutionRef(long id, String name, String scopePath, boolean enabled) {
	}
}
