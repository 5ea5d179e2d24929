package io.switchboard.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The network between the Hazelcast members of a test {@link Cluster}, which a test can split and heal without root:
 * each node has a loopback address of its own ({@link #host}: 127.0.0.11, .12, ...; Linux routes all of 127/8 to
 * {@code lo}), binds its member port there and opens its connections to other members from there
 * ({@code hazelcast.bind-any: false}); it announces as its public address a TCP proxy here, on its own address too,
 * that forwards to its member port. A proxy therefore tells the members connecting through it apart by source
 * address, and {@link #isolate} cuts one node off from the others: their live connections in both directions are
 * closed and new ones refused, until {@link #heal}. Only member traffic goes through the proxies: each node's PBX
 * connection, HTTP and Vert.x event bus do not, so a cut-off node keeps its PBX socket as in a real partition.
 */
final class MemberLinks implements AutoCloseable {

    private final List<Proxy> proxies = new ArrayList<>();
    /** The hosts on the cut-off side; empty while the network is whole. */
    private volatile Set<String> cutOff = Set.of();

    private MemberLinks() {
    }

    /** The loopback address of node {@code index} (from 0). */
    static String host(int index) {
        return "127.0.0." + (11 + index);
    }

    /** One proxy per node, node {@code i}'s in front of {@code host(i):memberPorts[i]}, listening from now on. */
    static MemberLinks open(List<Integer> memberPorts) throws IOException {
        MemberLinks links = new MemberLinks();
        try {
            for (int i = 0; i < memberPorts.size(); i++) {
                links.proxies.add(links.new Proxy(host(i), memberPorts.get(i)));
            }
        } catch (IOException e) {
            links.close();
            throw e;
        }
        return links;
    }

    /** Node {@code index}'s public address: {@code host:port} of its proxy. */
    String publicAddress(int index) {
        return host(index) + ":" + proxies.get(index).server.getLocalPort();
    }

    /** Cuts node {@code index} off from every other node, both ways: live member connections closed, new refused. */
    void isolate(int index) {
        cutOff = Set.of(host(index));
        proxies.forEach(Proxy::dropBlocked);
    }

    /** The network is whole again: new connections between any two members go through. */
    void heal() {
        cutOff = Set.of();
    }

    private boolean blocked(String from, String to) {
        Set<String> side = cutOff;
        return !side.isEmpty() && side.contains(from) != side.contains(to);
    }

    @Override
    public void close() {
        proxies.forEach(Proxy::close);
    }

    /** One member's proxy: accepts on its node's address, forwards each connection to the member port. */
    private final class Proxy {
        private final String host;
        private final int memberPort;
        private final ServerSocket server;
        private final List<Link> links = new CopyOnWriteArrayList<>();

        Proxy(String host, int memberPort) throws IOException {
            this.host = host;
            this.memberPort = memberPort;
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress(host, 0));
            daemon("member-proxy-" + host, this::accept);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket peer = server.accept();
                    String from = peer.getInetAddress().getHostAddress();
                    if (blocked(from, host)) {
                        peer.close();
                        continue;
                    }
                    Socket member = new Socket();
                    try {
                        member.connect(new InetSocketAddress(host, memberPort), 5_000);
                    } catch (IOException down) {
                        peer.close();
                        member.close();
                        continue;
                    }
                    Link link = new Link(from, peer, member);
                    links.add(link);
                    if (blocked(from, host)) {
                        link.close();
                        continue;
                    }
                    daemon("member-link-" + from + "-" + host, () -> link.pump(peer, member));
                    daemon("member-link-" + host + "-" + from, () -> link.pump(member, peer));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        void dropBlocked() {
            for (Link link : links) {
                if (blocked(link.from, host)) {
                    link.close();
                }
            }
        }

        void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            links.forEach(Link::close);
        }

        /** One member connection through the proxy, from the member at {@code from}. */
        private final class Link {
            private final String from;
            private final Socket peer;
            private final Socket member;

            Link(String from, Socket peer, Socket member) {
                this.from = from;
                this.peer = peer;
                this.member = member;
            }

            void pump(Socket in, Socket out) {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream input = in.getInputStream(); OutputStream output = out.getOutputStream()) {
                    for (int n = input.read(buffer); n >= 0; n = input.read(buffer)) {
                        output.write(buffer, 0, n);
                        output.flush();
                    }
                } catch (IOException closed) {
                    // one side went: the link goes
                } finally {
                    close();
                }
            }

            void close() {
                links.remove(this);
                closeQuietly(peer);
                closeQuietly(member);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
