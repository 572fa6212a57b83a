package dev.weft.bench.echo;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The Netty 4.2 peer: one {@link NioIoHandler} event loop that both accepts and serves, the
 * echo handler of Netty's own example (write on read, flush on read-complete), the default
 * pooled allocator, {@code TCP_NODELAY} as weft sets it. With a context, each channel starts
 * with an {@link SslHandler} over an engine of that same JDK {@link SSLContext} that the weft TLS
 * server uses, so both run the JDK provider with the cipher the client pins.
 *
 * <p>Started on the server JVM's main thread; the one event-loop thread is measured.
 */
final class NettyEcho {
    private NettyEcho() {
    }

    /** Writes each read buffer back; flushes once per read burst. Stateless, so shared. */
    @ChannelHandler.Sharable
    static final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a client reset at the end of a run
        }
    }

    /** Starts the server; {@code tls} null for plaintext. */
    static EchoServer start(SSLContext tls) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Handler handler = new Handler();
        Channel listener = new ServerBootstrap().group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tls != null) {
                            SSLEngine engine = tls.createSSLEngine();
                            engine.setUseClientMode(false);
                            ch.pipeline().addLast(new SslHandler(engine));
                        }
                        ch.pipeline().addLast(handler);
                    }
                })
                .bind(WeftEchoServers.HOST, 0).sync().channel();
        Thread loop = group.next().submit(Thread::currentThread).get(30, TimeUnit.SECONDS);
        int port = ((InetSocketAddress) listener.localAddress()).getPort();
        return new EchoServer() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public List<Thread> loopThreads() {
                return List.of(loop);
            }

            @Override
            public void close() {
                listener.close();
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        };
    }
}
