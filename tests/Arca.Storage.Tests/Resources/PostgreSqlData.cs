using System.Globalization;
using System.Text;
using Npgsql;

namespace Arca.Storage.Tests.Resources;

/// <summary>Fills PostgreSQL databases for tests and describes their content, schema, sequences and indexes with queries.</summary>
public static class PostgreSqlData
{
    private static readonly string[] DescribeQueries =
    [
        "SELECT table_name, column_name, data_type, coalesce(column_default, ''), is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
        "SELECT sequencename, start_value, increment_by, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
        "SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1",
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND obj_description(c.oid, 'pg_class') IS NOT NULL ORDER BY 1",
        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()",
    ];

    /// <summary>Two related tables of many column types, indexes (partial, expression, unique), a sequence, a view, a comment.</summary>
    public static async Task FillAsync(PostgresCluster pg, string database, int seed)
    {
        ArgumentNullException.ThrowIfNull(pg);
        await pg.ExecuteAsync(database,
            """
            CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, balance numeric(12,2),
                data jsonb, photo bytea, created timestamptz NOT NULL DEFAULT '2026-01-01T00:00:00Z')
            """,
            """
            CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id),
                amount numeric(10,2) NOT NULL CHECK (amount >= 0), placed date NOT NULL, note text)
            """,
            "CREATE INDEX orders_by_customer ON orders (customer_id)",
            "CREATE INDEX big_orders ON orders (amount) WHERE amount > 100",
            "CREATE UNIQUE INDEX customers_lower_email ON customers (lower(email))",
            "CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 7",
            "CREATE VIEW customer_totals AS SELECT c.id, sum(o.amount) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
            "COMMENT ON TABLE orders IS 'orders, é ü ∑'",
            $"""
            INSERT INTO customers (name, email, balance, data, photo)
            SELECT 'customer ' || i, 'c' || i || '@seed{seed}.example', (i * 37 % 10000) / 100.0,
                   jsonb_build_object('i', i, 'seed', {seed}, 'tags', jsonb_build_array('a', i % 5)),
                   decode(md5(i::text || '{seed}'), 'hex')
            FROM generate_series(1, 500) i
            """,
            $"""
            INSERT INTO orders (customer_id, amount, placed, note)
            SELECT 1 + (i % 500), (i * 13 * {seed} % 20000) / 100.0, date '2026-01-01' + (i % 365),
                   CASE WHEN i % 10 = 0 THEN NULL ELSE 'order ' || i END
            FROM generate_series(1, 3000) i
            """,
            "DELETE FROM orders WHERE id % 97 = 0",
            $"SELECT nextval('invoice_numbers') FROM generate_series(1, {seed % 5 + 1})");
    }

    public static async Task<string> DescribeAsync(PostgresCluster pg, string database)
    {
        ArgumentNullException.ThrowIfNull(pg);
        await using var connection = await pg.OpenAsync(database);
        var text = new StringBuilder();
        foreach (var query in DescribeQueries)
        {
            await AppendAsync(connection, query, text);
        }

        foreach (var table in await ColumnAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"-- {table}");
            await AppendAsync(connection, $"SELECT t::text FROM \"{table}\" t ORDER BY 1", text);
        }

        return text.ToString();
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task AppendAsync(NpgsqlConnection connection, string sql, StringBuilder text)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(i == 0 ? "" : " | ").Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            }

            text.AppendLine();
        }
    }
}
