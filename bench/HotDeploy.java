import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Hot deploy through Karaf's feature service over JMX: feature:uninstall until the module's REST answers
 * 404, feature:install until it answers 200 again, CYCLES times; prints medians in ms.
 * java HotDeploy.java BASE_URL USER PASSWORD FEATURE PROBE_PATH CYCLES
 */
public class HotDeploy {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String user = args[1];
        String password = args[2];
        String feature = args[3];
        String probe = args[4];
        int cycles = Integer.parseInt(args[5]);
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + probe)).header("Authorization", auth).build();

        Map<String, Object> env = new HashMap<>();
        env.put(JMXConnector.CREDENTIALS, new String[] {user, password});
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:44444/jndi/rmi://127.0.0.1:1099/karaf-root");
        try (JMXConnector jmx = JMXConnectorFactory.connect(url, env)) {
            MBeanServerConnection mbs = jmx.getMBeanServerConnection();
            ObjectName features = new ObjectName("org.apache.karaf:type=feature,name=root");
            List<Double> uninstall = new ArrayList<>();
            List<Double> install = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                long t0 = System.nanoTime();
                mbs.invoke(features, "uninstallFeature", new Object[] {feature}, new String[] {String.class.getName()});
                while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 404) {
                    Thread.onSpinWait();
                }
                uninstall.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                mbs.invoke(features, "installFeature", new Object[] {feature}, new String[] {String.class.getName()});
                while (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                    Thread.onSpinWait();
                }
                install.add((System.nanoTime() - t1) / 1e6);
            }
            System.out.printf("install_median_ms %.0f%n", median(install));
            System.out.printf("uninstall_median_ms %.0f%n", median(uninstall));
            System.out.printf("install_max_ms %.0f%n", Collections.max(install));
            System.out.printf("uninstall_max_ms %.0f%n", Collections.max(uninstall));
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
