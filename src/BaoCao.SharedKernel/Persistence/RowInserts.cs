using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BaoCao.SharedKernel.Persistence;

/// <summary>
/// Inserts many new rows of one entity with multi-row INSERT statements, inside the context's current transaction:
/// the write path of bulk data entry, where tracking thousands of new entities costs more than the database does.
/// Table, columns and value conversions come from the EF Core model, so the rows are exactly what EF would write.
/// The entities are not tracked afterwards.
/// </summary>
public static class RowInserts
{
    public static async Task InsertRowsAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var mappings = properties.Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            // SQLite binds parameters by name with a linear scan: one prepared single-row statement is far faster than
            // a multi-row one with thousands of parameters (and SQLite has no network round trip to save).
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = head + "(" + string.Join(", ", mappings.Select((_, c) => $"@p{c}")) + ")";
            command.Prepare();
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var c = 0; c < mappings.Count; c++)
                    command.Parameters.Add(mappings[c].Mapping.CreateParameter(command, $"@p{c}", mappings[c].Property.GetGetter().GetClrValue(row), mappings[c].Property.IsNullable));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }
        // PostgreSQL: as many rows per statement as its 65,535 parameters allow, to save round trips.
        var perStatement = Math.Max(1, 60_000 / properties.Count);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var end = Math.Min(rows.Count, start + perStatement);
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < mappings.Count; c++)
                {
                    var name = $"@p{r - start}_{c}";
                    var (property, mapping) = mappings[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(rows[r]), property.IsNullable));
                    text.Append(c == 0 ? name : ", " + name);
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
