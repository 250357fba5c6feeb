import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AthleteView, GoalView, PlanView, RunListItem, RunSpikeView } from '../../src/app/views.js';
import { addDays } from '../../src/domain/time.js';
import { formatDistance } from '../../src/domain/units.js';
import { type DemoApp, getJson, openDemoApp, PHONE, SCREENSHOTS } from '../helpers/browser-server.js';

/**
 * The race plan (issue 7) in real Chromium against `keel serve --demo`, whose demo athlete trains for the
 * "Lakeside Half Marathon" about ten weeks out: the plan as a calendar that matches the API week for week (long
 * runs, today, race day, held gates, the race's spike), the unit switch, the next step on the home page, the
 * spike guard on a run's page, the .ics export, a phone, a goal the server refuses, and deleting the goal and
 * planning again from the form. One server and one browser for the file; the goal is deleted only in the last
 * test. Screenshots go to test-results/screenshots/.
 */

/** The server plans again on every change, which takes a while on a busy machine: polls wait as long as locators. */
const SLOW = { timeout: 20_000 };

describe('the race plan in Chromium', () => {
  let app: DemoApp;
  let page: Page;
  let url = '';
  let demo: AthleteView;

  const plan = () => getJson<PlanView>(`${url}/api/athletes/${demo.id}/plan`);
  const goals = () => getJson<GoalView[]>(`${url}/api/athletes/${demo.id}/goals`);
  const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  /** The "add another goal" form, opened (its details may be open already from an earlier test). */
  const addGoalForm = async () => {
    const add = page.getByTestId('add-goal');
    await add.waitFor();
    if (!(await add.evaluate((el) => (el as HTMLDetailsElement).open))) await add.locator('summary').click();
    return add.getByTestId('goal-form');
  };
  const week = (weekStart: string) =>
    page.locator(`[data-testid="plan-week"][data-week-start="${weekStart}"]`);

  beforeAll(async () => {
    app = await openDemoApp('plan');
    ({ page, url, demo } = app);
  });

  afterAll(() => app?.close());

  it('shows the plan as a calendar: a row per week, each long run on its day, today, race day, held gates', async () => {
    const view = await plan();
    const { weeks } = view.plan;
    expect(view.goal.name).toBe('Lakeside Half Marathon');
    await page.goto(`${url}/#/`);
    await page.getByTestId('nav-plan').click();
    await page.getByTestId('plan-calendar').waitFor();

    expect(await page.getByTestId('goal-title').textContent()).toBe('Lakeside Half Marathon');
    expect(await page.getByTestId('goal-distance').textContent()).toBe('21.1 km (half marathon)');
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-feasible')).toBe(String(view.plan.feasible));
    expect(await verdict.getByTestId('verdict-text').textContent()).toBe(view.plan.verdict);
    const changes = page.getByTestId('plan-changes');
    expect(await changes.locator('h2').textContent()).toBe('What changed and why');
    expect(await changes.getByTestId('plan-change').count()).toBe(view.changes.items.length);
    if (view.changes.madeOn)
      expect(await changes.getByTestId('changes-when').textContent()).toContain('re-planned');

    // One row per week of the API's plan, in its order, each a Monday-to-Sunday grid (read in one go).
    const shown = await page.getByTestId('plan-week').evaluateAll((els) =>
      els.map((el) => {
        const run = el.querySelector('[data-testid="plan-day"]:has([data-testid="plan-day-run"])');
        const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
        return {
          weekStart: el.getAttribute('data-week-start'),
          phase: el.getAttribute('data-phase'),
          gate: el.getAttribute('data-gate'),
          days: el.querySelectorAll('[data-testid="plan-day"]').length,
          volume: text('week-volume'),
          runDate: run?.getAttribute('data-date') ?? null,
          runText: run?.textContent ?? null,
          runWalk: el.querySelectorAll('[data-testid="runwalk-mark"]').length,
          gateBadge: text('gate-badge'),
          gateReasons: text('gate-reasons'),
          spikeBand: el.querySelector('[data-testid="week-spike"]')?.getAttribute('data-band') ?? null,
          spikeText: text('week-spike'),
        };
      }),
    );
    expect(shown.map((w) => w.weekStart)).toEqual(weeks.map((w) => w.weekStart));
    for (const [i, w] of weeks.entries()) {
      const row = shown[i];
      expect(row).toMatchObject({
        phase: w.phase,
        gate: w.gate.status,
        days: 7,
        volume: `${formatDistance(w.volumeM, 'metric', 1)} in the week`,
      });
      if (w.longRunM > 0) {
        expect(row?.runDate).toBe(w.longRunDate);
        expect(row?.runText).toContain(formatDistance(w.longRunM, 'metric', 1));
        expect(row?.runWalk).toBe(w.runWalk ? 1 : 0);
      } else expect(row?.runDate).toBeNull();
      // Held and halted weeks say why; the others carry no gate badge.
      if (w.gate.status === 'open') expect(row?.gateBadge).toBeNull();
      else {
        expect(row?.gateBadge).toBe(w.gate.status === 'held' ? 'Gate held' : 'Halted');
        for (const reason of w.gate.reasons) expect(row?.gateReasons).toContain(reason);
      }
      // A spike warning wherever the API's week is over the +10% line (the race may be), and nowhere else.
      if (w.spike.band.startsWith('over-')) {
        expect(row?.spikeBand).toBe(w.spike.band);
        expect(row?.spikeText).toContain(w.spike.message);
      } else expect(row?.spikeBand).toBeNull();
    }
    // The demo's last long run hurt: a week is held.
    expect(weeks.some((w) => w.gate.status === 'held')).toBe(true);

    // Today once, in the first week; race day once, in the last, with the race's distance.
    const today = page.locator('[data-testid="plan-day"][data-today="true"]');
    expect(await today.count()).toBe(1);
    expect(await today.getAttribute('data-date')).toBe(view.plan.today);
    expect(await today.getAttribute('aria-current')).toBe('date');
    const race = page.locator('[data-testid="plan-day"][data-race="true"]');
    expect(await race.count()).toBe(1);
    expect(await race.getAttribute('data-date')).toBe(view.goal.date);
    expect(await race.textContent()).toContain('21.1 km');
    const raceWeek = weeks.at(-1);
    expect(raceWeek?.phase).toBe('race');
    expect(
      await week(raceWeek?.weekStart ?? '')
        .locator('[data-race="true"]')
        .count(),
    ).toBe(1);

    // Notes open on a tap; the rules, each with its source, are folded away until asked for.
    const firstNotes = week(weeks[0]?.weekStart ?? '').getByTestId('week-notes');
    await firstNotes.locator('summary').click();
    expect(await firstNotes.locator('li').count()).toBe(weeks[0]?.notes.length);
    const rules = page.getByTestId('plan-rules');
    expect(await rules.getByTestId('plan-rule').first().isVisible()).toBe(false);
    await rules.locator('summary').click();
    expect(await rules.getByTestId('plan-rule').count()).toBe(view.plan.rules.length);
    for (const rule of view.plan.rules) expect(await rules.textContent()).toContain(rule.source);

    expect(await page.getByTestId('goal-row').count()).toBe(view.goals.length);
    expect(app.pageErrors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'plan-01-calendar.png'), fullPage: true, scale: 'css' });
  });

  it('follows the athlete unit: miles after the switch, kilometres again after', async () => {
    const first = (await plan()).plan.weeks[0];
    const firstRun = week(first?.weekStart ?? '').getByTestId('plan-day-run');
    await page.getByTestId('units-mi').check();
    await expect
      .poll(() => firstRun.textContent(), SLOW)
      .toContain(formatDistance(first?.longRunM ?? 0, 'imperial', 1));
    // Once the server has stored the unit, the page reads the plan again: its own words are in miles too.
    await expect.poll(async () => (await plan()).units, SLOW).toBe('imperial');
    const inMiles = await plan();
    expect(inMiles.plan.verdict).toMatch(/\d mi\b/);
    await expect.poll(() => page.getByTestId('verdict-text').textContent(), SLOW).toBe(inMiles.plan.verdict);
    expect(await page.getByTestId('goal-distance').textContent()).toBe('13.1 mi (half marathon)');
    await page.getByTestId('units-km').check();
    await expect
      .poll(() => firstRun.textContent(), SLOW)
      .toContain(formatDistance(first?.longRunM ?? 0, 'metric', 1));
    await expect.poll(async () => (await plan()).units, SLOW).toBe('metric');
    await expect
      .poll(() => page.getByTestId('verdict-text').textContent(), SLOW)
      .toBe((await plan()).plan.verdict);
  });

  it('shows the next step toward the race at the top of the home page, above the runs', async () => {
    const { next, goal } = await plan();
    if (!next) throw new Error('the demo plan has no next step');
    await page.goto(`${url}/#/`);
    const card = page.getByTestId('next-step');
    await card.waitFor();
    await page.getByTestId('runs-table').waitFor();
    expect(await card.locator('h2').textContent()).toBe(`Next step toward ${goal.name}`);
    expect(await card.getAttribute('data-date')).toBe(next.date);
    expect(await card.getAttribute('data-kind')).toBe(next.kind);
    expect(await card.getByTestId('next-step-what').textContent()).toContain(
      formatDistance(next.distanceM, 'metric', 1),
    );
    // Each part of the step's sentence is on the card once: when, what, why it is held, how far before walking.
    expect(next.message).toContain(formatDistance(next.distanceM, 'metric', 1));
    expect(await card.getByTestId('next-step-runwalk-note').count()).toBe(next.runWalk ? 1 : 0);
    if (next.runWalk)
      expect(await card.getByTestId('next-step-runwalk-note').textContent()).toMatch(
        /^Run–walk offered: run to/,
      );
    expect(await card.getByTestId('next-step-runwalk').count()).toBe(next.runWalk ? 1 : 0);
    if (next.gate.status !== 'open') {
      const gate = await card.getByTestId('next-step-gate').textContent();
      for (const reason of next.gate.reasons) expect(gate).toContain(reason);
    }
    // The card comes before the runs, and links to the plan.
    const order = await page.evaluate(() => {
      const cardEl = document.querySelector('[data-testid="next-step"]');
      const table = document.querySelector('[data-testid="runs-table"]');
      return cardEl && table ? cardEl.compareDocumentPosition(table) : 0;
    });
    expect(order & 4).toBe(4); // DOCUMENT_POSITION_FOLLOWING
    await card.getByTestId('next-step-plan-link').click();
    await page.getByTestId('plan-calendar').waitFor();
  });

  it('checks each run against the longest of the 30 days before it on the run page', async () => {
    const runs = await getJson<RunListItem[]>(`${url}/api/athletes/${demo.id}/runs`);
    const spikes = await Promise.all(
      runs.map(async (run) => ({
        run,
        spike: await getJson<RunSpikeView>(`${url}/api/runs/${run.id}/spike`),
      })),
    );
    const longest = spikes.reduce((a, b) => (b.run.distanceM > a.run.distanceM ? b : a));
    const over = spikes.find((s) => s.spike.band.startsWith('over-'));
    expect(over, 'the demo has a run more than 10% over its 30-day longest').toBeDefined();

    for (const { run, spike } of [longest, over ?? longest]) {
      await page.goto(`${url}/#/runs/${run.id}`);
      const check = page.getByTestId('run-spike-check');
      await expect.poll(() => check.getAttribute('data-band'), SLOW).toBe(spike.band);
      expect(await check.textContent()).toContain(spike.message);
      const level =
        spike.band === 'over-10' ? 'caution' : spike.band.startsWith('over-') ? 'strong' : 'quiet';
      expect(await check.getAttribute('data-level')).toBe(level);
      if (level !== 'quiet') {
        expect(await check.getAttribute('role')).toBe('note');
        expect(await check.textContent()).toContain(`Source: ${spike.source}`);
      }
    }
    await page.getByTestId('run-spike').screenshot({ path: join(SCREENSHOTS, 'plan-04-run-spike.png') });
  });

  it('offers the plan as an iCalendar file of the long runs and the race', async () => {
    const view = await plan();
    await page.goto(`${url}/#/plan`);
    const link = page.getByTestId('plan-ics');
    await link.waitFor();
    expect(await link.getAttribute('download')).toMatch(/\.ics$/);
    const href = (await link.getAttribute('href')) ?? '';
    const response = await page.request.get(new URL(href, `${url}/`).toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
    const ics = await response.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${view.goal.date.replaceAll('-', '')}`);
    const events = ics.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBe(view.plan.weeks.filter((w) => w.longRunM > 0).length);
  });

  it('fits a phone: the plan and the home card at 390 px', async () => {
    const mobile = await app.newPage(PHONE);
    try {
      await mobile.goto(`${url}/#/plan`);
      await mobile.getByTestId('plan-calendar').waitFor();
      expect(await overflow(mobile)).toBeLessThanOrEqual(0);
      // Seven days side by side, each at least a thumb wide.
      const widths = await mobile
        .getByTestId('plan-week')
        .first()
        .getByTestId('plan-day')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(widths).toHaveLength(7);
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(40);
      await mobile.screenshot({ path: join(SCREENSHOTS, 'plan-02-phone.png'), fullPage: true, scale: 'css' });
      await mobile.goto(`${url}/#/`);
      await mobile.getByTestId('next-step').waitFor();
      expect(await overflow(mobile)).toBeLessThanOrEqual(0);
      await mobile.screenshot({ path: join(SCREENSHOTS, 'plan-03-home-phone.png') });
    } finally {
      await mobile.context().close();
    }
  });

  it("refuses a goal the server will not take, with the server's reason, and stores nothing", async () => {
    const before = await goals();
    await page.goto(`${url}/#/plan`);
    const form = await addGoalForm();

    // Too short a custom race: the distance field says so.
    await form.locator('input[name="goal-race"][value="custom"]').check();
    await form.getByTestId('goal-custom-distance').fill('3');
    await form.getByTestId('goal-date').fill(addDays(before[0]?.date ?? '2030-01-01', 70));
    await form.getByTestId('goal-submit').click();
    const race = form.getByTestId('goal-race-field');
    await expect.poll(() => race.getAttribute('class'), SLOW).toContain('is-invalid');
    expect(await race.locator('.field-error').textContent()).toBe('at least 5 km');

    // A race day in the past: the server's words under the date.
    await form.locator('input[name="goal-race"][value="10k"]').check();
    await form.getByTestId('goal-date').fill('2020-01-01');
    await form.getByTestId('goal-submit').click();
    const dateError = form.getByTestId('goal-date-error');
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(
      /^the race day 2020-01-01 must be after today \(\d{4}-\d{2}-\d{2}\)$/,
    );
    expect(await form.getByTestId('goal-date').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByTestId('goal-form-error').textContent()).toBe(
      'Nothing saved: check the marked fields.',
    );
    expect(await goals()).toEqual(before);
  });

  it('says so when a goal cannot be reached safely, and offers what can', async () => {
    const { plan: current } = await plan();
    const marathonDay = addDays(current.today, 21);
    await page.goto(`${url}/#/plan`);
    const form = await addGoalForm();
    await form.locator('input[name="goal-race"][value="marathon"]').check();
    await form.getByTestId('goal-date').fill(marathonDay);
    await form.getByTestId('goal-name').fill('Too Soon Marathon');
    await form.getByTestId('goal-submit').click();
    // The sooner race is the one planned now (the page shows its plan), and it is out of reach in three weeks.
    await expect.poll(() => page.getByTestId('goal-title').textContent(), SLOW).toBe('Too Soon Marathon');
    const view = await plan();
    expect(view.goal.name).toBe('Too Soon Marathon');
    expect(view.plan.feasible).toBe(false);
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-feasible')).toBe('false');
    expect(await verdict.locator('h2').textContent()).toContain('Not safely reachable by race day');
    expect(await verdict.getByTestId('verdict-text').textContent()).toBe(view.plan.verdict);
    const { earliestSafeDate, shorterRaceM } = view.plan;
    expect(earliestSafeDate !== null || shorterRaceM !== null).toBe(true);
    if (earliestSafeDate) {
      const days = Math.round((Date.parse(earliestSafeDate) - Date.parse(view.plan.today)) / 86_400_000);
      expect(await verdict.getByTestId('earliest-safe-date').textContent()).toContain(`in ${days} days`);
    }
    if (shorterRaceM)
      expect(await verdict.getByTestId('shorter-race').textContent()).toContain(
        formatDistance(shorterRaceM, 'metric', 1),
      );
    await verdict.screenshot({ path: join(SCREENSHOTS, 'plan-05-infeasible.png') });

    // Deleting it hands the plan back to the half marathon.
    const row = page.locator(`[data-testid="goal-row"][data-goal-id="${view.goal.id}"]`);
    await row.getByTestId('goal-delete').click();
    await row.getByTestId('goal-delete-confirm').click();
    await expect
      .poll(() => page.getByTestId('goal-title').textContent(), SLOW)
      .toBe('Lakeside Half Marathon');
    expect(await goals()).toHaveLength(1);
  });

  it('deletes the goal after a confirmation, then plans again from the form', async () => {
    const { goal } = await plan();
    await page.goto(`${url}/#/plan`);
    const row = page.locator(`[data-testid="goal-row"][data-goal-id="${goal.id}"]`);
    await row.getByTestId('goal-delete').click();
    await row.getByTestId('goal-delete-confirm').click();
    await page.getByTestId('no-goal').waitFor();
    expect(await goals()).toEqual([]);
    expect((await fetch(`${url}/api/athletes/${demo.id}/plan`)).status).toBe(404);

    // Without a goal, the home page asks for one instead of failing.
    await page.goto(`${url}/#/`);
    await page.getByTestId('goal-prompt').waitFor();
    await page.getByTestId('runs-table').waitFor();
    expect(await page.getByTestId('next-step').count()).toBe(0);
    await page.getByTestId('goal-prompt').locator('a').click();

    const form = page.getByTestId('goal-form');
    await form.waitFor();
    await form.locator('input[name="goal-race"][value="half"]').check();
    await form.getByTestId('goal-date').fill(goal.date);
    await form.locator('input[name="goal-surface"][value="road"]').check();
    await form.getByTestId('goal-name').fill(goal.name ?? 'Lakeside Half Marathon');
    await form.getByTestId('goal-submit').click();
    await page.getByTestId('plan-calendar').waitFor();

    const again = await plan();
    expect(again.goal).toMatchObject({
      name: goal.name,
      distanceM: goal.distanceM,
      date: goal.date,
      surface: 'road',
    });
    expect(await page.getByTestId('goal-title').textContent()).toBe(goal.name);
    expect(await page.getByTestId('plan-week').count()).toBe(again.plan.weeks.length);
    expect(await goals()).toHaveLength(1);
    expect(app.pageErrors).toEqual([]);
  });
});
