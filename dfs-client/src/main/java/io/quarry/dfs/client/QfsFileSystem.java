package io.quarry.dfs.client;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.PooledByteBufAllocator;
import io.quarry.common.conf.CommonConfigKeys;
import io.quarry.common.conf.Configuration;
import io.quarry.common.ha.HaConfigKeys;
import io.quarry.common.ha.HaSettings;
import io.quarry.common.net.HostAndPort;
import io.quarry.common.rpc.Ack;
import io.quarry.common.rpc.RpcClient;
import io.quarry.common.time.Clock;
import io.quarry.dfs.BlockLocation;
import io.quarry.dfs.CreateOptions;
import io.quarry.dfs.FileStatus;
import io.quarry.dfs.DfsConfigKeys;
import io.quarry.dfs.FileSystem;
import io.quarry.dfs.client.ha.NameNodeLocator;
import io.quarry.dfs.client.ha.ZkNameNodeLocator;
import io.quarry.dfs.Path;
import io.quarry.dfs.Permissions;
import io.quarry.dfs.SeekableInputStream;
import io.quarry.dfs.protocol.ContentSummary;
import io.quarry.dfs.protocol.DatanodeId;
import io.quarry.dfs.protocol.FileStatusInfo;
import io.quarry.dfs.protocol.LocatedBlock;
import io.quarry.dfs.protocol.LocatedBlocks;
import io.quarry.dfs.protocol.ServerDefaults;
import io.quarry.dfs.protocol.client.Create;
import io.quarry.dfs.protocol.client.Delete;
import io.quarry.dfs.protocol.client.DeleteReply;
import io.quarry.dfs.protocol.client.DirectoryListing;
import io.quarry.dfs.protocol.client.FileStatusReply;
import io.quarry.dfs.protocol.client.GetBlockLocations;
import io.quarry.dfs.protocol.client.GetContentSummary;
import io.quarry.dfs.protocol.client.GetFileInfo;
import io.quarry.dfs.protocol.client.GetListing;
import io.quarry.dfs.protocol.client.GetServerDefaults;
import io.quarry.dfs.protocol.client.Mkdirs;
import io.quarry.dfs.protocol.client.Rename;
import io.quarry.dfs.protocol.client.SetOwner;
import io.quarry.dfs.protocol.client.SetPermission;
import io.quarry.dfs.protocol.client.SetReplication;

/**
 * QFS ({@code qfs://host:port}): metadata calls go to the NameNode over RPC, file bytes to and
 * from DataNodes over the transfer protocol. Relative paths resolve against {@code /user/<user>}.
 */
public final class QfsFileSystem extends FileSystem {
    private final URI uri;
    private final ClientSettings settings;
    private final RpcClient rpc;
    private final NameNodeClient nameNode;
    private final DataNodeConnector connector;
    private final LeaseRenewer leaseRenewer;
    private final WriteContext context;
    private final Path workingDirectory;
    private final RackResolver racks;
    private volatile ServerDefaults serverDefaults;

    private QfsFileSystem(URI uri, Configuration conf, Clock clock, NameNodeLocator locator) {
        this.uri = requireNonNull(uri, "uri is null");
        this.settings = ClientSettings.from(conf);
        this.rpc = new RpcClient("qfs-client", conf);
        this.nameNode = new NameNodeClient(rpc, locator, clock, conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_TIMEOUT),
                conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_CALL_TIMEOUT), conf.getDuration(DfsConfigKeys.CLIENT_FAILOVER_SLEEP_MAX));
        this.connector = new DataNodeConnector("qfs-client",
                Math.toIntExact(Math.min(Integer.MAX_VALUE, conf.getDuration(CommonConfigKeys.RPC_CONNECT_TIMEOUT).toMillis())));
        this.leaseRenewer = new LeaseRenewer(nameNode, settings.leaseRenewInterval());
        this.context = new WriteContext(nameNode, connector, settings, PooledByteBufAllocator.DEFAULT, clock, localHostName(),
                new ShortCircuitReads(settings.shortCircuitReads(), PooledByteBufAllocator.DEFAULT));
        this.racks = new RackResolver(nameNode);
        this.workingDirectory = new Path(uri.getScheme() + "://" + uri.getAuthority() + "/user/" + rpc.user());
    }

    /**
     * Connects to the NameNode named by a {@code qfs://host:port} URI (the path part is ignored).
     * With {@code ha.zookeeper.quorum} set, a URI without a port ({@code qfs://mycluster}) names an
     * HA pair: calls go to whichever NameNode is active and follow it across failovers.
     */
    public static QfsFileSystem connect(URI uri, Configuration conf) throws IOException {
        HaSettings ha = HaSettings.from(conf);
        if (uri.getHost() != null && uri.getPort() < 0 && ha.enabled()) {
            URI root = URI.create(uri.getScheme() + "://" + uri.getHost());
            return new QfsFileSystem(root, conf, Clock.system(), ZkNameNodeLocator.connect(ha));
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new IOException("QFS URI " + uri + " must name the NameNode as qfs://host:port (or, with "
                    + HaConfigKeys.QUORUM.name() + " set, an HA cluster as qfs://name)");
        }
        URI root = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
        return new QfsFileSystem(root, conf, Clock.system(), NameNodeLocator.fixed(new HostAndPort(uri.getHost(), uri.getPort())));
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** The client name the NameNode knows this client by (lease holder). */
    public String clientName() {
        return nameNode.clientName();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** The absolute path string the NameNode understands. */
    String toRemote(Path path) {
        Path qualified = qualify(path);
        if (!"qfs".equals(qualified.scheme()) || !uri.getAuthority().equals(qualified.authority())) {
            throw new IllegalArgumentException("Path " + path + " does not belong to " + uri);
        }
        return qualified.path();
    }

    private FileStatus toStatus(FileStatusInfo info) {
        return new FileStatus(new Path(info.path()).makeQualified(uri, workingDirectory), info.directory(), info.length(),
                info.replication(), info.blockSize(), info.modificationTime(), info.accessTime(), info.owner(), info.group(),
                info.permission());
    }

    @Override
    public InputStream open(Path path) throws IOException {
        return openSeekable(path);
    }

    @Override
    public SeekableInputStream openSeekable(Path path) throws IOException {
        return new QfsInputStream(context, toRemote(path));
    }

    @Override
    public OutputStream create(Path path, CreateOptions options) throws IOException {
        String remote = toRemote(path);
        short replication = options.replication() > 0 ? options.replication()
                : settings.replication() > 0 ? settings.replication() : serverDefaults().replication();
        long blockSize = options.blockSize() > 0 ? options.blockSize()
                : settings.blockSize() > 0 ? settings.blockSize() : serverDefaults().blockSize();
        short permission = Permissions.applyUmask(options.permission(), settings.umask());
        FileStatusReply reply = nameNode.call(new Create(remote, permission, clientName(), options.overwrite(), options.createParent(),
                replication, blockSize), FileStatusReply.class);
        if (reply.status() == null) {
            throw new IOException("The NameNode created " + remote + " but returned no status");
        }
        leaseRenewer.fileOpened();
        long fileBlockSize = reply.status().blockSize() > 0 ? reply.status().blockSize() : blockSize;
        return new QfsOutputStream(context, remote, reply.status().fileId(), fileBlockSize, leaseRenewer::fileClosed);
    }

    private ServerDefaults serverDefaults() throws IOException {
        ServerDefaults defaults = serverDefaults;
        if (defaults == null) {
            defaults = nameNode.call(new GetServerDefaults(), ServerDefaults.class);
            serverDefaults = defaults;
        }
        return defaults;
    }

    @Override
    public boolean mkdirs(Path path, short permission) throws IOException {
        nameNode.call(new Mkdirs(toRemote(path), Permissions.applyUmask(permission, settings.umask()), true), Ack.class);
        return true;
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        String remote = toRemote(path);
        FileStatusReply reply = nameNode.call(new GetFileInfo(remote), FileStatusReply.class);
        if (reply.status() == null) {
            throw new FileNotFoundException("File " + remote + " does not exist");
        }
        return toStatus(reply.status());
    }

    @Override
    public List<FileStatus> listStatus(Path path) throws IOException {
        String remote = toRemote(path);
        List<FileStatus> result = new ArrayList<>();
        String startAfter = "";
        while (true) {
            DirectoryListing page = nameNode.call(new GetListing(remote, startAfter), DirectoryListing.class);
            for (FileStatusInfo entry : page.entries()) {
                result.add(toStatus(entry));
            }
            if (page.remaining() == 0 || page.entries().isEmpty()) {
                return result;
            }
            String last = page.entries().get(page.entries().size() - 1).path();
            startAfter = last.substring(last.lastIndexOf('/') + 1);
        }
    }

    @Override
    public void rename(Path src, Path dst) throws IOException {
        nameNode.call(new Rename(toRemote(src), toRemote(dst)), Ack.class);
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        return nameNode.call(new Delete(toRemote(path), recursive), DeleteReply.class).deleted();
    }

    @Override
    public void setReplication(Path path, short replication) throws IOException {
        nameNode.call(new SetReplication(toRemote(path), replication), Ack.class);
    }

    @Override
    public void setPermission(Path path, short permission) throws IOException {
        nameNode.call(new SetPermission(toRemote(path), permission), Ack.class);
    }

    @Override
    public void setOwner(Path path, String owner, String group) throws IOException {
        nameNode.call(new SetOwner(toRemote(path), owner, group), Ack.class);
    }

    @Override
    public ContentSummary getContentSummary(Path path) throws IOException {
        return nameNode.call(new GetContentSummary(toRemote(path)), ContentSummary.class);
    }

    @Override
    public List<BlockLocation> getFileBlockLocations(Path path, long start, long length) throws IOException {
        List<BlockLocation> result = new ArrayList<>();
        if (start < 0 || length <= 0) {
            return result;
        }
        LocatedBlocks located = nameNode.call(new GetBlockLocations(toRemote(path), start, length, context.clientHost()),
                LocatedBlocks.class);
        for (LocatedBlock block : located.blocks()) {
            List<String> hosts = new ArrayList<>();
            List<String> rackNames = new ArrayList<>();
            for (DatanodeId node : block.locations()) {
                hosts.add(node.host());
                rackNames.add(racks.rackOf(node));
            }
            result.add(new BlockLocation(block.offset(), block.block().numBytes(), hosts, rackNames));
        }
        return result;
    }

    /** Calls the NameNode directly, for administrative requests (fsck, reports, safe mode). */
    public <T> T callNameNode(Object request, Class<T> replyType) throws IOException {
        return nameNode.call(request, replyType);
    }

    @Override
    public void close() {
        leaseRenewer.close();
        connector.close();
        rpc.close();
        nameNode.close();
    }
}
