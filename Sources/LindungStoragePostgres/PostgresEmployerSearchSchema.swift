/// Migration `0011_employer_name_search`: a B-tree on `employer(name COLLATE "C", id)` (a common word is
/// paged by walking names in order) and a `pg_trgm` GIN index on the names (a rare word, `ILIKE '%…%'`,
/// is found through the index); the planner picks per query. `pg_trgm` ships with PostgreSQL (contrib)
/// and is a trusted extension (a database owner may create it); where it cannot be created the migration
/// still succeeds, with a notice, and names are searched through the B-tree alone.
enum PostgresEmployerSearchSchema {
    static let statements: [String] = [
        #"CREATE INDEX employer_name ON employer (name COLLATE "C", id)"#,
        """
        DO $$
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'pg_trgm cannot be created (%): employer names are searched without a trigram index', SQLERRM;
        END
        $$
        """,
        """
        DO $$
        DECLARE trgm_schema TEXT;
        BEGIN
            SELECT n.nspname INTO trgm_schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
            WHERE x.extname = 'pg_trgm';
            IF trgm_schema IS NOT NULL THEN
                EXECUTE format('CREATE INDEX employer_name_trgm ON employer USING gin (name %I.gin_trgm_ops)', trgm_schema);
            END IF;
        END
        $$
        """,
    ]
}
