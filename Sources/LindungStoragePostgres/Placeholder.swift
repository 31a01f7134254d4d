// placeholder
import PostgresNIO
