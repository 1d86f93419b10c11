namespace TigerEmulator.Databases;

/// The cloud's helpers for read-only roles in every service's tsdb, which `tiger db create role --from tsdbadmin
/// --read-only` calls: timescale_functions.create_bare_readonly_role(name, password) makes a LOGIN role that belongs to
/// the group bare_roles and carries tsdb_admin.read_only_role = true; grant_tsdbadmin_to_role(name) then lets it read.
/// The cloud grants such a role tsdbadmin itself and relies on its server extension to stop the writes; without that
/// extension a member of tsdbadmin could write, so here a role marked read-only gets pg_read_all_data instead: it reads
/// every table tsdbadmin reads (and, as a predefined role does, those of other roles too) and holds no write privilege
/// at all, read-only on its own even where no front enforces the setting. A role not marked read-only gets tsdbadmin,
/// as in the cloud. Both are SECURITY DEFINER functions of the emulator's superuser with a fixed search_path, callable
/// by tsdbadmin only, with the cloud's signatures (parameter names too, for callers that name them); names are quoted
/// with format's %I and the password with %L, never spliced.
public static class ReadOnlyRoles
{
    /// The schema's comment: the helpers' revision, so that a start skips a cluster that has them already.
    public const string Marker = "Tiger Emulator: the role helpers of the cloud, revision 1";

    /// The setting the CLI puts on a read-only role; PostgreSQL 15 lets a non-superuser set a placeholder like it on a
    /// role only with SET privilege on the parameter, which tsdbadmin is granted (a role marked cannot unmark itself).
    public const string Setting = "tsdb_admin.read_only_role";

    /// Statements separated by an empty line (single-user mode's -j reads them so, psql as any script); no empty line
    /// inside a function's body. A failing CREATE ROLE would name its statement, password and all, in the error's
    /// context: the role is made without one, and a failure to set it is raised again without that context.
    public static readonly string Sql = $$"""
        CREATE SCHEMA IF NOT EXISTS timescale_functions;

        REVOKE ALL ON SCHEMA timescale_functions FROM PUBLIC;

        GRANT USAGE ON SCHEMA timescale_functions TO {{ClusterTemplate.Owner}};

        DO $tiger$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'bare_roles') THEN CREATE ROLE bare_roles NOLOGIN; END IF; END $tiger$;

        DO $tiger$ BEGIN IF pg_catalog.current_setting('server_version_num')::int >= 150000 THEN EXECUTE 'GRANT SET ON PARAMETER {{Setting}} TO {{ClusterTemplate.Owner}}'; END IF; END $tiger$;

        CREATE OR REPLACE FUNCTION timescale_functions.create_bare_readonly_role(role_name text, role_password text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        AS $tiger$
        BEGIN
            IF role_name IS NULL OR role_name = '' OR role_password IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'null_value_not_allowed', MESSAGE = 'a read-only role needs a name and a password';
            END IF;
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
                RAISE EXCEPTION USING ERRCODE = 'duplicate_object', MESSAGE = format('role "%s" already exists', role_name);
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN', role_name);
            BEGIN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', role_name, role_password);
            EXCEPTION WHEN OTHERS THEN
                RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = SQLERRM;
            END;
            EXECUTE format('GRANT bare_roles TO %I', role_name);
            EXECUTE format('ALTER ROLE %I SET {{Setting}} = true', role_name);
        END
        $tiger$;

        CREATE OR REPLACE FUNCTION timescale_functions.grant_tsdbadmin_to_role(rolename text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
        AS $tiger$
        DECLARE
            target oid;
        BEGIN
            SELECT oid INTO target FROM pg_roles WHERE rolname = rolename;
            IF target IS NULL THEN
                RAISE EXCEPTION USING ERRCODE = 'undefined_object', MESSAGE = format('role "%s" does not exist', rolename);
            END IF;
            IF EXISTS (SELECT FROM pg_db_role_setting s, unnest(s.setconfig) AS c(setting)
                       WHERE s.setrole = target AND s.setdatabase = 0 AND lower(c.setting) IN ('{{Setting}}=true', '{{Setting}}=on')) THEN
                EXECUTE format('GRANT pg_read_all_data TO %I', rolename);
            ELSE
                EXECUTE format('GRANT {{ClusterTemplate.Owner}} TO %I', rolename);
            END IF;
        END
        $tiger$;

        REVOKE ALL ON FUNCTION timescale_functions.create_bare_readonly_role(text, text), timescale_functions.grant_tsdbadmin_to_role(text) FROM PUBLIC;

        GRANT EXECUTE ON FUNCTION timescale_functions.create_bare_readonly_role(text, text), timescale_functions.grant_tsdbadmin_to_role(text) TO {{ClusterTemplate.Owner}};

        COMMENT ON SCHEMA timescale_functions IS '{{Marker}}';


        """;
}
