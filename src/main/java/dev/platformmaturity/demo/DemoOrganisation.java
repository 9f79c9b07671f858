package dev.platformmaturity.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.platformmaturity.account.Accounts;
import dev.platformmaturity.account.NewPerson;
import dev.platformmaturity.account.PasswordPolicy;
import dev.platformmaturity.account.Passwords;
import dev.platformmaturity.account.Role;
import dev.platformmaturity.account.SystemTask;
import dev.platformmaturity.team.TeamAdministration;

/**
 * A demo organisation for trying the application out: 3 groups, 12 teams with Chinese and
 * English names, an administrator, two platform leads and members in every team, all with
 * one password, and five quarters of assessments up to the current calendar quarter,
 * which is open. Seeded into an empty database when {@code app.demo.enabled} is true, as
 * the development entry point sets it.
 */
@Component
@Order(50)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	static final String ADMIN = "demo-admin";

	static final String LEAD = "demo-lead";

	static final String MEMBER = "demo-member";

	record DemoTeam(String slug, String name, int group) {
	}

	record DemoPerson(String username, String name, String language, Role role, List<String> teams) {
	}

	static final List<String> GROUPS = List.of("Digital Channels", "核心系统", "Data & Intelligence");

	static final List<DemoTeam> TEAMS = List.of(new DemoTeam("mobile-banking", "Mobile Banking", 0),
			new DemoTeam("online-portal", "网上银行门户", 0), new DemoTeam("customer-identity", "Customer Identity", 0),
			new DemoTeam("payments-gateway", "支付网关", 0), new DemoTeam("core-ledger", "核心账务", 1),
			new DemoTeam("loans-platform", "Loans Platform", 1), new DemoTeam("risk-engine", "风控引擎", 1),
			new DemoTeam("clearing-settlement", "清算结算", 1), new DemoTeam("data-platform", "Data Platform", 2),
			new DemoTeam("ml-platform", "机器学习平台", 2), new DemoTeam("reporting-bi", "Reporting & BI", 2),
			new DemoTeam("observability", "可观测性平台", 2));

	static final List<DemoPerson> PEOPLE = List.of(
			new DemoPerson(ADMIN, "Demo Administrator", "en", Role.ADMIN, List.of()),
			new DemoPerson(LEAD, "陈静 (Demo Lead)", "zh-CN", Role.LEAD, List.of()),
			new DemoPerson("olivia.brown", "Olivia Brown", "en", Role.LEAD, List.of("data-platform")),
			new DemoPerson(MEMBER, "Demo Member", "en", Role.MEMBER, List.of("mobile-banking")),
			new DemoPerson("wang.fang", "王芳", "zh-CN", Role.MEMBER, List.of("mobile-banking", "online-portal")),
			new DemoPerson("alex.smith", "Alex Smith", "en", Role.MEMBER, List.of("online-portal")),
			new DemoPerson("li.wei", "李伟", "zh-CN", Role.MEMBER, List.of("customer-identity")),
			new DemoPerson("maria.garcia", "Maria Garcia", "en", Role.MEMBER,
					List.of("customer-identity", "payments-gateway")),
			new DemoPerson("zhang.min", "张敏", "zh-CN", Role.MEMBER, List.of("payments-gateway")),
			new DemoPerson("liu.yang", "刘洋", "zh-CN", Role.MEMBER, List.of("core-ledger")),
			new DemoPerson("james.wilson", "James Wilson", "en", Role.MEMBER,
					List.of("core-ledger", "clearing-settlement")),
			new DemoPerson("priya.patel", "Priya Patel", "en", Role.MEMBER, List.of("loans-platform")),
			new DemoPerson("zhao.lei", "赵磊", "zh-CN", Role.MEMBER, List.of("loans-platform", "risk-engine")),
			new DemoPerson("huang.li", "黄丽", "zh-CN", Role.MEMBER, List.of("risk-engine")),
			new DemoPerson("zhou.jie", "周杰", "zh-CN", Role.MEMBER, List.of("clearing-settlement")),
			new DemoPerson("tom.becker", "Tom Becker", "en", Role.MEMBER, List.of("data-platform")),
			new DemoPerson("wu.ting", "吴婷", "zh-CN", Role.MEMBER, List.of("data-platform", "ml-platform")),
			new DemoPerson("sarah.johnson", "Sarah Johnson", "en", Role.MEMBER, List.of("ml-platform")),
			new DemoPerson("xu.qiang", "徐强", "zh-CN", Role.MEMBER, List.of("reporting-bi")),
			new DemoPerson("david.kim", "David Kim", "en", Role.MEMBER, List.of("reporting-bi", "observability")),
			new DemoPerson("sun.yue", "孙悦", "zh-CN", Role.MEMBER, List.of("observability")),
			new DemoPerson("emma.mueller", "Emma Müller", "en", Role.MEMBER, List.of("mobile-banking")));

	private final DemoProperties properties;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final TeamAdministration administration;

	private final TransactionTemplate transactions;

	private final DemoAssessments assessments;

	private final DemoActions actions;

	DemoOrganisation(DemoProperties properties, JdbcClient jdbc, Accounts accounts, TeamAdministration administration,
			TransactionTemplate transactions, DemoAssessments assessments, DemoActions actions) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.administration = administration;
		this.transactions = transactions;
		this.assessments = assessments;
		this.actions = actions;
	}

	boolean enabled() {
		return properties.enabled();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled() || databaseHasPeople()) {
			return;
		}
		boolean generated = properties.password() == null || properties.password().isBlank();
		String password = generated ? Passwords.generate() : properties.password();
		PasswordPolicy.problem(password, ADMIN).ifPresent(problem -> {
			throw new IllegalStateException("app.demo.password is not acceptable (" + problem + "): use at least "
					+ PasswordPolicy.MIN_LENGTH + " characters");
		});
		DemoAssessments.DemoQuarters quarters = assessments.demoQuarters();
		SystemTask.run(() -> transactions.executeWithoutResult(status -> seed(password)));
		log.warn("""

				==========================================================================
				  Demo organisation created: {} groups, {} teams, {} people, quarters {} to {} ({} open).
				  Every demo account has the password: {}{}
				    {}   administrator
				    {}    platform lead (reads every team)
				    {}  member of Mobile Banking
				  Other demo accounts: {}
				==========================================================================""", GROUPS.size(),
				TEAMS.size(), PEOPLE.size(), quarters.past().get(0), quarters.current(), quarters.current(), password,
				generated ? "   (generated; set app.demo.password to choose it)" : "", ADMIN, LEAD, MEMBER,
				String.join(", ", PEOPLE.stream().map(DemoPerson::username).skip(4).toList()));
	}

	private boolean databaseHasPeople() {
		return jdbc.sql("select exists (select 1 from person)").query(Boolean.class).single();
	}

	/**
	 * Seeds the organisation; the caller provides the transaction and administrator
	 * rights.
	 */
	void seed(String password) {
		List<Long> groupIds = GROUPS.stream().map(name -> administration.createGroup(name).id()).toList();
		for (DemoTeam team : TEAMS) {
			administration.createTeam(team.slug(), team.name(), groupIds.get(team.group()));
		}
		for (DemoPerson person : PEOPLE) {
			accounts.create(new NewPerson(person.username(), person.name(), person.username() + "@demo.example",
					person.language(), person.role(), password));
			for (String team : person.teams()) {
				administration.addMember(team, person.username());
			}
		}
		assessments.seed(TEAMS.stream().map(DemoTeam::slug).toList());
		actions.seed();
	}

}
