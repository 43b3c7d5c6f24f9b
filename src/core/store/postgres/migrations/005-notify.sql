-- PostgreSQL schema 5: live updates. Every committed change sends a
-- notification on the channel «naervaer_changed» whose payload is the change
-- topic the local store uses (units, employees, spells, monthly, followup,
-- benchmarks, workshops, ideas, measures, faktor), so an open page reloads
-- when HR imports or a colleague edits. Statement-level triggers, and
-- PostgreSQL folds equal payloads of one transaction into one: an import of
-- ten thousand spells sends one «spells». The payload names only the kind
-- of data, never a unit or a row, because every listener receives it.
CREATE FUNCTION naervaer.notify_change () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify ('naervaer_changed', TG_ARGV[0]);
  RETURN NULL;
END
$$;

CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('units');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employee
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('employees');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roster
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('employees');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON spell
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('spells');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON monthly
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('monthly');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followup_done
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('followup');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_followup
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('followup');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark_series
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('benchmarks');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark_point
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('benchmarks');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON benchmark_fetch
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('benchmarks');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workshop
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('workshops');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workshop_step
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('workshops');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workshop_theme
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('workshops');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workshop_prompt
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('workshops');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workshop_idea
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('ideas');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON measure
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('measures');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON measure_note
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('measures');
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON faktor_round
  FOR EACH STATEMENT EXECUTE FUNCTION naervaer.notify_change ('faktor');
