// What DBeaver and Metabase do first, through the PostgreSQL JDBC driver
// they bundle: log in (SCRAM-SHA-256), read the database's metadata
// (schemas, tables and views, columns), run a prepared statement with an
// integer and a date parameter, read Vietnamese text. Prints one JSON
// object. Run: java -cp postgresql.jar JdbcCheck.java PORT USER PASSWORD
import java.sql.*;
import java.util.*;

public class JdbcCheck {
    static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", args[2]);
        p.setProperty("ApplicationName", "JdbcCheck");
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/baocao", p)) {
            DatabaseMetaData md = c.getMetaData();
            out.add("\"product\":" + q(md.getDatabaseProductName()));
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) schemas.add(q(rs.getString("TABLE_SCHEM")));
            }
            out.add("\"schemas\":" + schemas);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) tables.add(q(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME")));
            }
            out.add("\"tables\":" + tables);
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "lake", "activities", "%")) {
                while (rs.next()) columns.add(q(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME")));
            }
            out.add("\"columns\":" + columns);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) AS n, sum(quantity) AS q FROM activities WHERE year = ? AND activity_date >= ?")) {
                ps.setInt(1, 2023);
                ps.setDate(2, java.sql.Date.valueOf("2023-07-01"));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.add("\"from_july\":[" + rs.getLong("n") + "," + rs.getLong("q") + "]");
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name_vi FROM themes WHERE theme_code = 'ethnic'")) {
                rs.next();
                out.add("\"theme\":" + q(rs.getString(1)));
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE activities");
                out.add("\"drop\":\"allowed\"");
            } catch (SQLException e) {
                out.add("\"drop\":[" + q(e.getSQLState()) + "," + q(e.getMessage()) + "]");
            }
        }
        System.out.println("{" + String.join(",", out) + "}");
    }
}
