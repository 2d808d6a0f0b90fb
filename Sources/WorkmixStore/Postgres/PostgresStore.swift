/// The shared PostgreSQL store's own commands.
public enum PostgresStore {
    /// `workmix store migrate`: brings the tables to this workmix's version, in one transaction;
    /// returns the version found and the version now.
    public static func migrate(url: StoreURL) throws -> (from: Int, to: Int) {
        let connection = try PostgresConnection(url: url)
        return (try PostgresSchema.migrate(connection), PostgresSchema.version)
    }
}
