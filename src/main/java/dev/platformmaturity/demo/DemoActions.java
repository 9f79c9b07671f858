package dev.platformmaturity.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.platformmaturity.model.ModelCatalog;

/**
 * The demo teams' plans: actions in every state, some past their due date, one from an
 * opportunity of the model, with owners among the teams' members and a history entry
 * each, as if the members had created them.
 */
@Component
class DemoActions {

	/**
	 * One demo action; due in {@code dueInDays} days from today (negative: in the past),
	 * or without a due date.
	 */
	record DemoAction(String team, String aspect, String characteristic, String title, String owner, Integer dueInDays,
			String status, Integer plannedLevel, String trackerUrl) {
	}

	static final List<DemoAction> ACTIONS = List.of(
			new DemoAction("mobile-banking", "investment", "investment.3.c1", "Fund a platform team of four for 2027",
					"demo-member", 40, "IN_PROGRESS", 3, "https://tracker.demo.example/MB-101"),
			new DemoAction("mobile-banking", "adoption", null, "Golden path for new mobile services", "emma.mueller",
					-10, "PLANNED", 2, null),
			new DemoAction("mobile-banking", "measurement", null, "Publish the platform's DORA figures", "wang.fang",
					-30, "DONE", 3, null),
			new DemoAction("online-portal", "interfaces", null, "自助申请数据库的门户 🚀", "wang.fang", 20, "PLANNED", 2, null),
			new DemoAction("online-portal", "operations", null, "值班手册集中管理", "alex.smith", -5, "IN_PROGRESS", null,
					null),
			new DemoAction("core-ledger", "operations", null, "自动化证书轮换", "liu.yang", 60, "PLANNED", 3, null),
			new DemoAction("core-ledger", "investment", null, "Shared build runners", "james.wilson", -45, "DROPPED",
					null, null),
			new DemoAction("data-platform", "measurement", null, "Usage survey of the data platform", "tom.becker",
					null, "PLANNED", null, null),
			new DemoAction("observability", "adoption", null, "可观测性平台的上手指南", "sun.yue", -3, "PLANNED", 2,
					"https://tracker.demo.example/OBS-7"));

	private final JdbcClient jdbc;

	private final ModelCatalog catalog;

	private final Clock clock;

	DemoActions(JdbcClient jdbc, ModelCatalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Seeds the actions; the caller provides the transaction, after teams and people
	 * exist.
	 */
	void seed() {
		LocalDate today = LocalDate.now(clock);
		String model = catalog.current().id();
		for (DemoAction action : ACTIONS) {
			String[] characteristic = action.characteristic() == null ? null : action.characteristic().split("\\.");
			long id = jdbc.sql("""
					insert into action (team_id, aspect_id, characteristic_level, characteristic_key, title, owner_id,
					    due_on, status, tracker_url, planned_level, done_at, created_by, updated_by)
					select t.id, asp.id, :level, :key, :title, p.id, :dueOn, :status, :trackerUrl, :plannedLevel,
					       case when :status = 'DONE' then now() end, p.id, p.id
					from team t, aspect asp, model_version mv, person p
					where t.slug = :team and asp.model_version_id = mv.id and mv.model_id = :model
					  and asp.key = :aspect and p.username = :owner
					returning id""")
				.param("level", characteristic == null ? null : Integer.valueOf(characteristic[1]), Types.SMALLINT)
				.param("key", characteristic == null ? null : characteristic[2], Types.VARCHAR)
				.param("title", action.title())
				.param("dueOn", action.dueInDays() == null ? null : today.plusDays(action.dueInDays()), Types.DATE)
				.param("status", action.status())
				.param("trackerUrl", action.trackerUrl(), Types.VARCHAR)
				.param("plannedLevel", action.plannedLevel(), Types.SMALLINT)
				.param("team", action.team())
				.param("model", model)
				.param("aspect", action.aspect())
				.param("owner", action.owner())
				.query(Long.class)
				.single();
			jdbc.sql("""
					insert into action_event (team_id, action_id, title, kind, changed_by)
					select a.team_id, a.id, a.title, 'CREATE', a.created_by from action a where a.id = ?""")
				.param(id)
				.update();
		}
	}

}
