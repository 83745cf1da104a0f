package org.paxrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.paxrisk.SharedData;

/**
 * No network at run time: the demo (store build, rules compile, screening) runs in a JVM whose
 * proxies point at a closed port and whose security manager records every attempt to connect or
 * to resolve a host name other than this machine's; there must be none.
 */
class NoNetworkTest {
  @Test
  void demoTriesNoConnection() throws IOException, InterruptedException {
    String output = runOffline(false);
    assertTrue(output.contains("Screened 29 travellers"), output);
    assertTrue(output.contains("connection attempts: 0"), output);
  }

  /** The watcher itself works: a connection made on purpose is seen. */
  @Test
  void aConnectionIsSeen() throws IOException, InterruptedException {
    String output = runOffline(true);
    assertTrue(output.matches("(?s).*connection attempts: [1-9]\\d* \\[127\\.0\\.0\\.1:9.*"),
        output);
  }

  private static String runOffline(boolean probe) throws IOException, InterruptedException {
    List<String> cmd = ChildJvm.command(List.of("-Djava.security.manager=allow",
        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9",
        "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
        "-DsocksProxyHost=127.0.0.1", "-DsocksProxyPort=9",
        "-Dpaxrisk.home=" + SharedData.root()), Offline.class, List.of(probe ? "probe" : "demo"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), output);
    return output;
  }

  /** Runs the demo under a security manager that records connection attempts. */
  public static final class Offline {
    public static void main(String[] args) throws Exception {
      String self = InetAddress.getLocalHost().getHostName();
      List<String> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
      System.setSecurityManager(new SecurityManager() {
        @Override
        public void checkConnect(String host, int port) {
          boolean local = host.equals(self) || host.equals("localhost")
              || host.startsWith("127.") || host.equals("::1");
          if (port != -1 || !local) {
            attempts.add(host + ":" + port);
          }
        }

        @Override
        public void checkConnect(String host, int port, Object context) {
          checkConnect(host, port);
        }

        @Override
        public void checkPermission(Permission perm) {
          // Everything else is allowed: only connections are watched.
        }
      });
      PrintWriter out = new PrintWriter(System.out, true);
      int code = 0;
      if (args[0].equals("probe")) {
        try (java.net.Socket s = new java.net.Socket()) {
          s.connect(new java.net.InetSocketAddress("127.0.0.1", 9), 1000);
        } catch (IOException refused) {
          // port 9 is closed: the attempt is what counts
        }
      } else {
        code = Main.execute(new String[] {"demo"}, out, new PrintWriter(System.err, true));
      }
      out.println("connection attempts: " + attempts.size() + " " + attempts);
      System.exit(code);
    }
  }
}
